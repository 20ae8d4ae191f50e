package org.itapipe.schemas.thai;

import java.time.LocalDate;

/**
 * A Thai government fiscal year, named in the Buddhist Era (BE = CE + 543). FY 2568 runs from 1 October 2024 to
 * 30 September 2025: it is named after the calendar year in which it ends.
 */
public record FiscalYear(int buddhistEra) implements Comparable<FiscalYear> {

    public static final int BE_OFFSET = 543;

    public FiscalYear {
        if (buddhistEra < 2400 || buddhistEra > 2700) {
            throw new IllegalArgumentException("fiscal year must be a Buddhist Era year such as 2568, got "
                    + buddhistEra);
        }
    }

    /** The fiscal year ending in September of the given Common Era year. */
    public static FiscalYear endingInCommonEra(int year) {
        return new FiscalYear(year + BE_OFFSET);
    }

    /** The fiscal year a date falls in. */
    public static FiscalYear containing(LocalDate date) {
        return endingInCommonEra(date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear());
    }

    /** Common Era year in which this fiscal year ends. */
    public int endingCommonEraYear() {
        return buddhistEra - BE_OFFSET;
    }

    public LocalDate firstDay() {
        return LocalDate.of(endingCommonEraYear() - 1, 10, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(endingCommonEraYear(), 9, 30);
    }

    public FiscalYear previous() {
        return new FiscalYear(buddhistEra - 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(buddhistEra, other.buddhistEra);
    }

    @Override
    public String toString() {
        return "FY " + buddhistEra;
    }
}
