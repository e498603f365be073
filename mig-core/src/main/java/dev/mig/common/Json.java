package dev.mig.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.mig.api.MigException;
import java.nio.file.Path;

/** The one JSON configuration: stable key order, pretty output, unknown keys tolerated on read. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            // Records are data: their components are the properties. Convenience methods such as
            // Column.isGenerated() must not become properties (annotated ones, like canMigrate, still do).
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            // Paths as the plain strings people type, not file:// URIs.
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance));

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new MigException(MigException.Kind.INTERNAL, "cannot render JSON: " + e.getMessage(), null, e);
        }
    }

    /**
     * {@code value} as a versioned document: its keys after {@code "formatVersion": version}; on one line
     * when {@code oneLine} (JSON lines).
     */
    public static String document(Object value, int version, boolean oneLine) {
        try {
            ObjectNode doc = MAPPER.createObjectNode().put("formatVersion", version);
            doc.setAll((ObjectNode) MAPPER.valueToTree(value));
            return oneLine ? MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc)
                    : MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new MigException(MigException.Kind.INTERNAL, "cannot render JSON: " + e.getMessage(), null, e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MigException(MigException.Kind.INTERNAL, "cannot read stored JSON: " + e.getMessage(), null, e);
        }
    }
}
