package dev.mig.schema.yaml;

import dev.mig.schema.Names;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where each declared object was written in schema.yaml, so that errors found later (by SQLite, in
 * {@link SchemaValidator}) can still point at a line and column.
 */
public final class YamlLocations {
    public static final String TABLE = "table";
    public static final String INDEX = "index";
    public static final String VIEW = "view";
    public static final String TRIGGER = "trigger";

    private final String label;
    private final Map<String, String> places = new HashMap<>();

    YamlLocations(String label) {
        this.label = label;
    }

    /** No file behind the schema (built in code): errors carry no location. */
    public static YamlLocations none() {
        return new YamlLocations(null);
    }

    void put(String kind, String name, Node node) {
        places.put(kind + ":" + Names.key(name), YamlSource.position(label, node));
    }

    /** {@code "schema.yaml:12:5: "}, just the file label when the object is unknown, or "" without a file. */
    public String prefix(String kind, String name) {
        String place = places.get(kind + ":" + Names.key(name));
        if (place != null) {
            return place + ": ";
        }
        return label == null ? "" : label + ": ";
    }
}
