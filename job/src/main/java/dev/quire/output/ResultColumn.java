package dev.quire.output;

/**
 * A column of a query result as the result writers see it.
 *
 * @param numeric whether its values are numbers: the text table aligns them to the right
 */
public record ResultColumn(String name, boolean numeric) {
}
