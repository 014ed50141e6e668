package org.diptych.tm;

import java.nio.file.Path;

/** The backend contract on the embedded Lucene TM (the team profile runs it on SolrCloud too). */
class EmbeddedTmBackendTest extends TmBackendContract {
    @Override
    protected TmBackend openEmpty(Path dir) {
        return TranslationMemory.open(dir);
    }
}
