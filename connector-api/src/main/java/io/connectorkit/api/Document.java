package io.connectorkit.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item to index: an email, an attachment, a file.
 *
 * <p>Field values are limited to types every index understands: {@link String},
 * {@link Boolean}, {@link Long}, {@link Integer}, {@link Double}, {@link Instant} and
 * {@code List<String>}. Anything else is rejected when the document is built.
 *
 * <p>A document belongs to the partition of the {@link Emitter} it is upserted to (the emitter is
 * bound to one partition), so it does not name the partition itself; the host records it.
 *
 * <p><b>Building one.</b> Use {@link #builder}: components added later get a default there, so such
 * code keeps compiling. The canonical constructor is public only because a record's must be.
 *
 * @param id stable and deterministic: the same item always gets the same id, and two different
 *     items never share one (writes are upserts keyed by it)
 * @param kind what sort of item this is, such as {@code email} or {@code attachment}
 * @param parentId the id of the document this one belongs to (an attachment's email), or
 *     {@code null}
 * @param title a short human-readable name (a subject, a file name)
 * @param fields typed metadata, keyed by field name
 * @param content text content, or {@code null}
 * @param binary binary content for the host to extract text from, or {@code null}
 * @param acl principals allowed to see the document (such as email addresses); empty means
 *     the connector does not restrict it
 * @param version a value that changes whenever the item changes (a hash, a modification
 *     stamp); lets a re-crawl skip unchanged items through {@link KnownDocuments}
 */
public record Document(
        String id,
        String kind,
        String parentId,
        String title,
        Map<String, Object> fields,
        String content,
        ContentSource binary,
        List<String> acl,
        String version) {

    /**
     * Validates the components and copies the fields and the ACL; build documents with
     * {@link #builder}. Each component is described once, in the record's description.
     *
     * @param id the {@linkplain #id() id}
     * @param kind the {@linkplain #kind() kind}
     * @param parentId the {@linkplain #parentId() parentId}
     * @param title the {@linkplain #title() title}
     * @param fields the {@linkplain #fields() fields}
     * @param content the {@linkplain #content() content}
     * @param binary the {@linkplain #binary() binary}
     * @param acl the {@linkplain #acl() acl}
     * @param version the {@linkplain #version() version}
     * @throws NullPointerException if {@code id}, {@code kind}, {@code fields}, {@code acl} or
     *     {@code version} is {@code null}
     * @throws IllegalArgumentException if {@code id} is blank or a field value is of a type not
     *     listed above
     */
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A document id must not be blank");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Objects.requireNonNull(fields, "fields").entrySet()) {
            copy.put(e.getKey(), checkedValue(id, e.getKey(), e.getValue()));
        }
        fields = Collections.unmodifiableMap(copy);
        acl = List.copyOf(Objects.requireNonNull(acl, "acl"));
    }

    private static Object checkedValue(String id, String name, Object value) {
        Objects.requireNonNull(name, "field name");
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Double || value instanceof Instant) {
            return value;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String)) {
                    throw new IllegalArgumentException("Field '" + name + "' of document " + id
                            + " is a list holding " + describe(item) + "; lists may hold only strings");
                }
            }
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("Field '" + name + "' of document " + id + " is "
                + describe(value) + "; use a String, Boolean, Long, Integer, Double, Instant or List<String>");
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    /**
     * Starts a builder for a document.
     *
     * @param id the document id
     * @param kind the document kind
     * @return a builder with no fields, no content, an empty ACL and an empty version
     */
    public static Builder builder(String id, String kind) {
        return new Builder(id, kind);
    }

    /** Builds a {@link Document} step by step. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String kind;
        private String parentId;
        private String title;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private String content;
        private ContentSource binary;
        private List<String> acl = List.of();
        private String version = "";

        private Builder(String id, String kind) {
            this.id = id;
            this.kind = kind;
        }

        /**
         * Sets the parent document id.
         *
         * @param value the parent id, or {@code null}
         * @return this builder
         */
        public Builder parentId(String value) {
            this.parentId = value;
            return this;
        }

        /**
         * Sets the title.
         *
         * @param value the title, or {@code null}
         * @return this builder
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * Adds a field; a {@code null} value is ignored, so optional values need no checks.
         *
         * @param name the field name
         * @param value the value, of a supported type, or {@code null}
         * @return this builder
         */
        public Builder field(String name, Object value) {
            if (value != null) {
                fields.put(Objects.requireNonNull(name, "name"), value);
            }
            return this;
        }

        /**
         * Sets the text content.
         *
         * @param value the text, or {@code null}
         * @return this builder
         */
        public Builder content(String value) {
            this.content = value;
            return this;
        }

        /**
         * Sets the binary content.
         *
         * @param value the binary content, or {@code null}
         * @return this builder
         */
        public Builder binary(ContentSource value) {
            this.binary = value;
            return this;
        }

        /**
         * Sets the access control list.
         *
         * @param value the principals allowed to see the document
         * @return this builder
         */
        public Builder acl(List<String> value) {
            this.acl = Objects.requireNonNull(value, "acl");
            return this;
        }

        /**
         * Sets the version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(String value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        /**
         * Builds the document.
         *
         * @return the document
         * @throws IllegalArgumentException as the {@link Document} constructor does
         */
        public Document build() {
            return new Document(id, kind, parentId, title, fields, content, binary, acl, version);
        }
    }
}
