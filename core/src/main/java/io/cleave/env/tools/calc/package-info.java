/**
 * The {@code calc} tool: exact arithmetic over rationals ({@link io.cleave.env.tools.calc.Rational}) with a
 * recursive-descent parser ({@link io.cleave.env.tools.calc.CalcParser}); no code is ever executed.
 */
package io.cleave.env.tools.calc;
