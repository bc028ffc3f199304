/** Benchmarks: every figure is measured beside its baseline in the same run. */
package uk.gov.essex.mace.bench;
