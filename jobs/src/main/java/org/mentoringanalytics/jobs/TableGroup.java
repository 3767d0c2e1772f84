package org.mentoringanalytics.jobs;

import java.util.List;
import org.mentoringanalytics.contracts.TableContract;

/**
 * Tables computed together from the same staging tables: the landing sources they read (so a
 * refresh knows when to recompute them) and the tables they write, each published through the
 * run as soon as it is built.
 */
public interface TableGroup {

    /** Landing sources read; "*" for every source. */
    List<String> sources();

    /** Tables written, in the order they are published. */
    List<TableContract> tables();

    void compute(GroupRun run);
}
