package org.diptych.tm.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * The configset of a team TM collection: {@code solrconfig.xml}, {@code schema.xml} and the stop-word lists,
 * made here so that the server analyses texts as the embedded TM does ({@code tm.Analysis}: standard
 * tokenizer; English possessive, lower case, Lucene's English stop words, Porter; Russian lower case, stop
 * words, light stemmer; Portuguese lower case, stop words, light stemmer). The stop-word files are written
 * from the very sets the embedded TM uses, so the two cannot drift apart.
 *
 * <pre>
 * id          unique key: the unit id (k:… for fed units, h:… content hash for imported ones)
 * unit        the whole unit in the embedded TM's binary form (stored, not indexed)
 * lang        base language of each variant (a lookup's filter)
 * w_en|ru|pt  each variant's text analysed by the server with its language's chain (concordance)
 * t_en|ru|pt  the stems and pairs of stems of the embedded index, computed by the client with the same
 *             chain plus its word-pair filter (Solr has none) and sent tab-separated: BM25 candidates
 * y_, x_      (long points) hashes of the lower-case words, and with numbers masked
 * scope, draft, member (who confirmed it last), import (which TMX import added it)
 * </pre>
 */
public final class SolrTmSchema {
    /** Schema version, in the schema's name ({@code diptych-tm-1}); a client refuses a collection of another one. */
    public static final String VERSION = "1";
    public static final String NAME = "diptych-tm-" + VERSION;
    public static final String[] BASES = {"en", "pt", "ru"};

    private SolrTmSchema() {}

    /** The configset's files, by name. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("solrconfig.xml", utf8(solrconfig()));
        f.put("schema.xml", utf8(schema()));
        f.put("stopwords_en.txt", utf8(words(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
        f.put("stopwords_ru.txt", utf8(words(RussianAnalyzer.getDefaultStopSet())));
        f.put("stopwords_pt.txt", utf8(words(PortugueseAnalyzer.getDefaultStopSet())));
        return f;
    }

    /** The configset as the zip Solr's configset upload takes. */
    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : files().entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String words(CharArraySet set) {
        TreeSet<String> sorted = new TreeSet<>();
        for (Object o : set) sorted.add(o instanceof char[] c ? new String(c) : o.toString());
        StringBuilder sb = new StringBuilder("# stop words of the embedded Diptych TM (Lucene's default set)\n");
        for (String w : sorted) sb.append(w).append('\n');
        return sb.toString();
    }

    static String solrconfig() {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <!-- Diptych team translation memory (written by 'diptych tm solr-setup') -->
                <config>
                  <luceneMatchVersion>9.12</luceneMatchVersion>
                  <dataDir>${solr.data.dir:}</dataDir>
                  <directoryFactory name="DirectoryFactory" class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
                  <schemaFactory class="ClassicIndexSchemaFactory"/>
                  <indexConfig>
                    <lockType>${solr.lock.type:native}</lockType>
                  </indexConfig>
                  <updateHandler class="solr.DirectUpdateHandler2">
                    <updateLog>
                      <str name="dir">${solr.ulog.dir:}</str>
                    </updateLog>
                    <!-- durable in the transaction log at once; a hard commit every 15 s; clients open searchers -->
                    <autoCommit>
                      <maxTime>${solr.autoCommit.maxTime:15000}</maxTime>
                      <openSearcher>false</openSearcher>
                    </autoCommit>
                    <autoSoftCommit>
                      <maxTime>${solr.autoSoftCommit.maxTime:-1}</maxTime>
                    </autoSoftCommit>
                  </updateHandler>
                  <query>
                    <maxBooleanClauses>${solr.max.booleanClauses:1024}</maxBooleanClauses>
                    <filterCache size="64" initialSize="64" autowarmCount="16"/>
                    <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
                    <documentCache size="4096" initialSize="4096" autowarmCount="0"/>
                    <useColdSearcher>false</useColdSearcher>
                  </query>
                  <requestDispatcher>
                    <requestParsers multipartUploadLimitInKB="-1" formdataUploadLimitInKB="-1"/>
                  </requestDispatcher>
                  <requestHandler name="/select" class="solr.SearchHandler">
                    <lst name="defaults">
                      <str name="echoParams">none</str>
                      <int name="rows">10</int>
                    </lst>
                  </requestHandler>
                </config>
                """;
    }

    static String schema() {
        StringBuilder s = new StringBuilder();
        s.append("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <!-- Diptych team translation memory, schema %s (written by 'diptych tm solr-setup') -->
                <schema name="diptych-tm-%s" version="1.6">
                  <uniqueKey>id</uniqueKey>
                  <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>
                  <fieldType name="boolean" class="solr.BoolField" sortMissingLast="true"/>
                  <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
                  <fieldType name="plongs" class="solr.LongPointField" multiValued="true" docValues="false"/>
                  <fieldType name="binary" class="solr.BinaryField"/>
                  <!-- terms computed by the client (stems and pairs of stems), tab-separated; frequencies and norms for BM25 -->
                  <fieldType name="terms" class="solr.TextField" omitPositions="true">
                    <analyzer>
                      <tokenizer class="solr.PatternTokenizerFactory" pattern="\\t"/>
                    </analyzer>
                  </fieldType>
                  <fieldType name="text_en" class="solr.TextField" positionIncrementGap="100">
                    <analyzer>
                      <tokenizer class="solr.StandardTokenizerFactory"/>
                      <filter class="solr.EnglishPossessiveFilterFactory"/>
                      <filter class="solr.LowerCaseFilterFactory"/>
                      <filter class="solr.StopFilterFactory" words="stopwords_en.txt"/>
                      <filter class="solr.PorterStemFilterFactory"/>
                    </analyzer>
                  </fieldType>
                  <fieldType name="text_ru" class="solr.TextField" positionIncrementGap="100">
                    <analyzer>
                      <tokenizer class="solr.StandardTokenizerFactory"/>
                      <filter class="solr.LowerCaseFilterFactory"/>
                      <filter class="solr.StopFilterFactory" words="stopwords_ru.txt"/>
                      <filter class="solr.RussianLightStemFilterFactory"/>
                    </analyzer>
                  </fieldType>
                  <fieldType name="text_pt" class="solr.TextField" positionIncrementGap="100">
                    <analyzer>
                      <tokenizer class="solr.StandardTokenizerFactory"/>
                      <filter class="solr.LowerCaseFilterFactory"/>
                      <filter class="solr.StopFilterFactory" words="stopwords_pt.txt"/>
                      <filter class="solr.PortugueseLightStemFilterFactory"/>
                    </analyzer>
                  </fieldType>
                  <field name="id" type="string" indexed="true" stored="true" required="true"/>
                  <field name="_version_" type="plong" indexed="false" stored="false"/>
                  <field name="unit" type="binary" indexed="false" stored="true" required="true"/>
                  <field name="lang" type="string" indexed="true" stored="false" multiValued="true"/>
                  <field name="scope" type="string" indexed="true" stored="false"/>
                  <field name="draft" type="boolean" indexed="true" stored="false"/>
                  <field name="member" type="string" indexed="true" stored="true"/>
                  <field name="import" type="string" indexed="true" stored="false" docValues="false"/>
                """.formatted(VERSION, VERSION));
        for (String b : BASES) {
            s.append("  <field name=\"w_").append(b).append("\" type=\"text_").append(b)
                    .append("\" indexed=\"true\" stored=\"false\" multiValued=\"true\"/>\n");
            s.append("  <field name=\"t_").append(b)
                    .append("\" type=\"terms\" indexed=\"true\" stored=\"false\"/>\n");
            s.append("  <field name=\"y_").append(b).append("\" type=\"plongs\" indexed=\"true\" stored=\"false\"/>\n");
            s.append("  <field name=\"x_").append(b).append("\" type=\"plongs\" indexed=\"true\" stored=\"false\"/>\n");
        }
        s.append("</schema>\n");
        return s.toString();
    }
}
