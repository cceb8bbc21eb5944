package com.example.ats.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What in a Word or OpenDocument file acts when it is opened (macros are refused by the {@link FileInspector}):
 * embedded objects and controls, relationships to anything outside the file but a hyperlink (remote templates,
 * frames, objects), chunks of other documents imported whole, and fields that run DDE or fetch files. The XML parts
 * are read with a streaming parser without DTDs or external entities, and at most {@link #MAX_XML} bytes in all.
 */
final class OfficeActiveContent {

    private static final long MAX_XML = 64L * 1024 * 1024;
    /** Far above what a document has (a few dozen XML parts); past it a file is not checked. */
    private static final int MAX_PARTS = 2000;

    private static final int MAX_NESTED_FIELDS = 64;

    private static final Set<String> EMBEDDING_TYPES = Set.of("oleObject", "package", "aFChunk", "control");
    /** OpenDocument elements that embed an object or pull content from elsewhere. */
    private static final Set<String> ODF_ACTIVE =
            Set.of("object", "object-ole", "section-source", "dde-source", "dde-connection-decl", "applet", "plugin");

    private OfficeActiveContent() {}

    static Optional<String> docx(Path file) {
        return zip(file, true);
    }

    static Optional<String> odt(Path file) {
        return zip(file, false);
    }

    /** A binary Word document with embedded objects (its ObjectPool). Its fields are not read. */
    static Optional<String> doc(Path file) {
        try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
            return ole.getRoot().hasEntry("ObjectPool") ? Optional.of("an embedded object") : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("a structure that cannot be read");
        }
    }

    private static Optional<String> zip(Path file, boolean word) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            if (entries.size() > MAX_PARTS) {
                return Optional.of("more parts than a document needs (it cannot be checked)");
            }
            long[] budget = {MAX_XML};
            for (ZipEntry entry : entries) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (word && (name.startsWith("word/embeddings/") || name.startsWith("word/activex/"))
                        || !word && name.startsWith("object ")) {
                    return Optional.of("an embedded object");
                }
                if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
                    continue;
                }
                try (InputStream in = new Budget(zip.getInputStream(entry), budget)) {
                    Optional<String> found = word ? wordPart(factory, in) : odfPart(factory, in);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (Budget.Exceeded e) {
            return Optional.of("more content than a document needs (it cannot be checked)");
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return Optional.of("parts that cannot be read");
        }
    }

    /** Relationships (external ones but hyperlinks, embeddings) and field instructions of one part of a DOCX. */
    private static Optional<String> wordPart(XMLInputFactory factory, InputStream in) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(in);
        // a field's instruction may be split over runs ("DD", "EAUTO"): Word joins them between begin and separate
        Deque<StringBuilder> fields = new ArrayDeque<>();
        try {
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "Relationship" -> {
                        String type = String.valueOf(reader.getAttributeValue(null, "Type"));
                        String kind = type.substring(type.lastIndexOf('/') + 1);
                        String mode = reader.getAttributeValue(null, "TargetMode");
                        if (EMBEDDING_TYPES.contains(kind) || kind.startsWith("activeX")) {
                            return Optional.of("an embedded object");
                        }
                        if ("External".equalsIgnoreCase(mode) && !kind.equals("hyperlink")) {
                            return Optional.of("a link to a template or object outside the file");
                        }
                    }
                    case "altChunk", "object", "control" -> {
                        return Optional.of("an embedded object");
                    }
                    case "fldChar" -> {
                        String type = attribute(reader, "fldCharType");
                        if (type.equals("begin")) {
                            if (fields.size() >= MAX_NESTED_FIELDS) {
                                return Optional.of("more nested fields than a document needs (it cannot be checked)");
                            }
                            fields.push(new StringBuilder());
                        } else if (!fields.isEmpty() && (type.equals("separate") || type.equals("end"))) {
                            if (FieldCodes.active(fields.pop())) {
                                return Optional.of(FieldCodes.FOUND);
                            }
                        }
                    }
                    case "instrText" -> {
                        String text = reader.getElementText();
                        if (fields.isEmpty()) {
                            fields.push(new StringBuilder());
                        }
                        if (fields.peek().length() < 4096) {
                            fields.peek().append(text);
                        }
                    }
                    case "fldSimple" -> {
                        if (FieldCodes.active(attribute(reader, "instr"))) {
                            return Optional.of(FieldCodes.FOUND);
                        }
                    }
                    default -> {
                        // text, formatting and the rest
                    }
                }
            }
            for (StringBuilder unfinished : fields) {
                if (FieldCodes.active(unfinished)) {
                    return Optional.of(FieldCodes.FOUND);
                }
            }
            return Optional.empty();
        } finally {
            reader.close();
        }
    }

    private static Optional<String> odfPart(XMLInputFactory factory, InputStream in) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(in);
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && ODF_ACTIVE.contains(reader.getLocalName())) {
                    return Optional.of("an embedded object or content from elsewhere");
                }
            }
            return Optional.empty();
        } finally {
            reader.close();
        }
    }

    private static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return "";
    }

    /** Counts what is read of the XML parts against one budget for the whole file (a zip bomb stops here). */
    private static final class Budget extends FilterInputStream {

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super("more XML than a document needs", null, false, false);
            }
        }

        private final long[] left;

        Budget(InputStream in, long[] left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                take(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                take(n);
            }
            return n;
        }

        private void take(long n) {
            left[0] -= n;
            if (left[0] < 0) {
                throw new Exceeded();
            }
        }
    }
}
