package ca.gigafibre.automation.platform.web;

import java.util.List;

/** One page of a list in a stable order: {@code page} counts from 0, {@code total} is the count of the whole list. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    /** The first row of the page, for SQL OFFSET. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
