package dev.mig.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The comparison of one table.
 *
 * @param oldOnly sample mapped old rows missing from the new table (values quoted, '|' separated)
 * @param newOnly sample new rows that the old table does not have
 */
public record TableVerdict(String table, long oldRows, long newRows, long oldChecksum, long newChecksum,
                           List<String> oldOnly, List<String> newOnly) {

    @JsonProperty
    public boolean equal() {
        return oldRows == newRows && oldChecksum == newChecksum;
    }
}
