package org.medicore.lab.domain;

/** A word on a report page and where it starts and ends across the page, in points. */
public record PrintedWord(String text, double x, double endX) {
}
