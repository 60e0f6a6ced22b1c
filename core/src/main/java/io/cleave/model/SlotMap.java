package io.cleave.model;

import java.util.Arrays;

/**
 * Host-side bookkeeping of a {@link KvCache}: which slots hold a real token of each row, and the next rotary
 * position of each row. Rows advance through a shared write pointer; a row that feeds fewer tokens than the
 * chunk width leaves invalid slots behind.
 */
final class SlotMap {

    private boolean[][] valid;
    private final int[] nextPosition;
    private int writePointer;

    SlotMap(int rows, int capacity) {
        valid = new boolean[rows][Math.max(1, capacity)];
        nextPosition = new int[rows];
    }

    int rows() {
        return nextPosition.length;
    }

    int writePointer() {
        return writePointer;
    }

    int nextPosition(int row) {
        return nextPosition[row];
    }

    boolean isValid(int row, int slot) {
        return valid[row][slot];
    }

    /** Records a chunk of width {@code s} at the write pointer where row {@code r} fed {@code fed[r]} tokens. */
    void advance(int[] fed, int s) {
        int end = writePointer + s;
        if (end > valid[0].length) {
            int grown = Math.max(end, valid[0].length * 2);
            for (int r = 0; r < valid.length; r++) {
                valid[r] = Arrays.copyOf(valid[r], grown);
            }
        }
        for (int r = 0; r < fed.length; r++) {
            for (int i = 0; i < fed[r]; i++) {
                valid[r][writePointer + i] = true;
            }
            nextPosition[r] += fed[r];
        }
        writePointer = end;
    }

    /** Forgets every slot of {@code row}: it starts again at position 0. */
    void clearRow(int row) {
        Arrays.fill(valid[row], false);
        nextPosition[row] = 0;
    }

    /** Makes row {@code to} an exact copy of row {@code from}. */
    void copyRow(int from, int to) {
        System.arraycopy(valid[from], 0, valid[to], 0, valid[from].length);
        nextPosition[to] = nextPosition[from];
    }
}
