package io.cleave.cli;

/**
 * Main class for {@code spark-submit --class io.cleave.cli.SparkTrainMain cleave.jar [train options]}:
 * runs {@code cleave train} with the master spark-submit set.
 */
public final class SparkTrainMain {

    private SparkTrainMain() {}

    /** Runs {@code cleave train ARGS} and exits with its status. */
    public static void main(String[] args) {
        String[] full = new String[args.length + 1];
        full[0] = "train";
        System.arraycopy(args, 0, full, 1, args.length);
        System.exit(CleaveCli.run(full));
    }
}
