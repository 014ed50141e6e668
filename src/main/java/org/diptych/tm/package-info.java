/**
 * The translation memory: multilingual units (ru, en, pt, any region) kept as a TMX 1.4b record with a
 * derived Lucene index, looked up in any direction.
 *
 * <ul>
 *   <li>{@link org.diptych.tm.TranslationMemory}: open a TM folder, import and export TMX, look up
 *       ({@link org.diptych.tm.TmQuery} → {@link org.diptych.tm.TmMatch}), concordance, statistics, usage
 *       counts, durable updates.</li>
 *   <li>{@link org.diptych.tm.TmFeeder}: puts an alignment's confirmed (and optionally unconfirmed) pairs
 *       into the TM, with sentence pairs from a {@link org.diptych.tm.SentencePairer}.</li>
 *   <li>Match percentages: see {@code MatchScorer}; kinds in {@link org.diptych.tm.MatchKind}, near-exact
 *       differences in {@link org.diptych.tm.Difference}, word-level differences in
 *       {@link org.diptych.tm.WordDiff}, provenance in {@link org.diptych.tm.Provenance}.</li>
 * </ul>
 *
 * No JavaFX here: the GUI calls this package from its own tasks.
 */
package org.diptych.tm;
