package org.mentoringanalytics.ingest;

/**
 * Told after every chunk a source step writes, so a long ingest can show how far it is.
 * Called on the threads reading the source's files, one call at a time; must be quick.
 */
@FunctionalInterface
public interface IngestProgress {

    IngestProgress NONE = (source, rows, done) -> { };

    /**
     * @param source landing source being read
     * @param rows   rows read from it so far in this run, all its files together
     * @param done   true once the source's step has finished
     */
    void update(String source, long rows, boolean done);
}
