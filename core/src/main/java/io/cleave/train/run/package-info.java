/**
 * What a run writes and where: paths confined to the run directory ({@link io.cleave.train.run.RunPaths}), the
 * report of the rows rejected from a data file ({@link io.cleave.train.run.DatasetReport}), directory trees, and
 * the one-line stop of a run the user has to act on.
 */
package io.cleave.train.run;
