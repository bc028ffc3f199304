/**
 * Intelligence: items shared on a case under handling labels, with inline restricted segments,
 * GSC marking and police 3x5x2 grading; sealed at rest with the case's data key; revised, never
 * overwritten; read only through {@code IntelProjection}, the one redaction of an item.
 */
package uk.gov.essex.mace.intel;
