/**
 * Reading JSON Lines files (one JSON object per line) with per-line error reporting: a malformed line becomes a
 * {@link io.cleave.env.io.RowError} naming the file and line, and reading goes on.
 */
package io.cleave.env.io;
