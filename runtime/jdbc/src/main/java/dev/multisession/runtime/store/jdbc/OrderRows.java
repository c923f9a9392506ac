package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.StoredOrder;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a row of {@code orders} becomes a {@link StoredOrder}, for every query that reads one. */
final class OrderRows {

    private OrderRows() {}

    /**
     * The order in the row's seven columns from {@code first} on: uid, revision, number, data,
     * info, removed, finalized.
     *
     * @throws IllegalStateException if its data or info is no JSON object (the caller quarantines it)
     */
    static StoredOrder read(ResultSet rs, int first) throws SQLException {
        return new StoredOrder(rs.getString(first), rs.getLong(first + 1), rs.getLong(first + 2),
                JsonColumns.readObject(rs.getString(first + 3), "orders.data"),
                JsonColumns.readObject(rs.getString(first + 4), "orders.info"),
                rs.getBoolean(first + 5), rs.getBoolean(first + 6));
    }
}
