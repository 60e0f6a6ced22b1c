/**
 * The {@code multihop} suite: a fictional world generated from a seed (people, firms, towns, regions and the
 * relations born-in, works-for, founded-by, based-in, located-in), written out as one short document per entity
 * for the {@code search} tool, and 2- or 3-hop questions whose answer is in no single document. Scored by SQuAD
 * token F1.
 */
package io.cleave.env.tasks.multihop;
