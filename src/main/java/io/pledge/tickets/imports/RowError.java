package io.pledge.tickets.imports;

/** Why a row of an import file was not taken: its line, the column at fault, and the reason. */
public record RowError(int line, String column, String message) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + message;
    }
}
