package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Refuses documents that are not malware but can act when a recruiter opens them (ADR 0015): PDFs with JavaScript
 * or launch actions, RTF with embedded objects or a template fetched from elsewhere, DOCX whose relationships point
 * outside the file for anything but a hyperlink (a remote template, frame or object). Macros are refused by the
 * {@link FileInspector}. A PDF that cannot be read, or needs a password to open, cannot be checked and is refused.
 */
@ApplicationScoped
public class ActiveContentCheck {

    private static final Set<String> PDF_ACTIVE_KEYS = Set.of("JS", "JavaScript");
    private static final Set<String> PDF_ACTIVE_ACTIONS = Set.of("JavaScript", "Launch");
    private static final int MAX_RELS_ENTRY = 1024 * 1024;
    /** Far above what a CV has (a few dozen .rels, a few thousand PDF objects); past it a file is not checked. */
    private static final int MAX_RELS_ENTRIES = 500;

    static final int MAX_PDF_OBJECTS = 100_000;

    /** Throws a 422 problem naming the part and what was found; returns when the document has none. */
    public void check(String part, Path file, DocumentFormat format) {
        Optional<String> found = switch (format) {
            case PDF -> pdf(file);
            case RTF -> rtf(file);
            case DOCX -> docx(file);
            default -> Optional.empty();
        };
        if (found.isPresent()) {
            throw new ApiException(
                    ProblemType.VALIDATION_FAILED,
                    "The file in part '" + part + "' contains " + found.get() + ", which we do not pass on to"
                            + " recruiters; save it without (for instance print it to PDF) and send it again",
                    List.of(new Problem.FieldError(part, "active content: " + found.get())));
        }
    }

    // ------------------------------------------------------------------ PDF

    static Optional<String> pdf(Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            COSDocument cos = pdf.getDocument();
            Optional<String> inTrailer = activeIn(cos.getTrailer());
            if (inTrailer.isPresent()) {
                return inTrailer;
            }
            if (cos.getXrefTable().size() > MAX_PDF_OBJECTS) {
                return Optional.of("more objects than a document needs (it cannot be checked)");
            }
            for (COSObjectKey key : cos.getXrefTable().keySet()) {
                COSObject object = cos.getObjectFromPool(key);
                Optional<String> found = activeIn(object.getObject());
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (InvalidPasswordException e) {
            return Optional.of("a password (an encrypted PDF cannot be checked)");
        } catch (IOException | RuntimeException e) {
            return Optional.of("a structure that cannot be read as a PDF");
        }
    }

    /** Walks an object and the direct objects inside it; indirect ones are visited from the xref table. */
    private static Optional<String> activeIn(COSBase root) {
        Deque<COSBase> todo = new ArrayDeque<>();
        Map<COSBase, Boolean> seen = new IdentityHashMap<>();
        if (root == null) {
            return Optional.empty();
        }
        todo.push(root);
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (next instanceof COSDictionary dictionary) {
                for (COSName key : dictionary.keySet()) {
                    if (PDF_ACTIVE_KEYS.contains(key.getName())) {
                        return Optional.of("JavaScript");
                    }
                }
                COSBase action = dictionary.getItem(COSName.S);
                if (action instanceof COSName name && PDF_ACTIVE_ACTIONS.contains(name.getName())) {
                    return Optional.of(name.getName().equals("Launch") ? "a launch action" : "JavaScript");
                }
                for (COSBase value : dictionary.getValues()) {
                    if (value instanceof COSDictionary || value instanceof COSArray) {
                        todo.push(value);
                    }
                }
            } else if (next instanceof COSArray array) {
                for (COSBase value : array) {
                    if (value instanceof COSDictionary || value instanceof COSArray) {
                        todo.push(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ RTF

    /**
     * Control words, read the way an RTF reader does ({@code \\} is a literal backslash, not the start of one):
     * {@code \obj...} embeds an object, {@code \template} names a template Word fetches when it opens the file.
     */
    static Optional<String> rtf(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int c = in.read();
            while (c != -1) {
                if (c != '\\') {
                    c = in.read();
                    continue;
                }
                c = in.read();
                if (c == '\\' || !isLetter(c)) {
                    c = c == -1 ? -1 : in.read();
                    continue;
                }
                StringBuilder word = new StringBuilder();
                while (isLetter(c) && word.length() < 32) {
                    word.append((char) c);
                    c = in.read();
                }
                String name = word.toString();
                if (name.startsWith("obj")) {
                    return Optional.of("an embedded object");
                }
                if (name.equals("template")) {
                    return Optional.of("a template fetched from elsewhere");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an uploaded file", e);
        }
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ------------------------------------------------------------------ DOCX

    /** Any relationship to a target outside the file, except a hyperlink: templates, frames, objects, images. */
    static Optional<String> docx(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> rels = zip.stream()
                    .filter(entry -> entry.getName().toLowerCase(Locale.ROOT).endsWith(".rels"))
                    .toList();
            if (rels.size() > MAX_RELS_ENTRIES) {
                return Optional.of("more parts than a document needs (it cannot be checked)");
            }
            for (ZipEntry entry : rels) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] xml = in.readNBytes(MAX_RELS_ENTRY);
                    if (externalNonHyperlink(factory, xml)) {
                        return Optional.of("a link to a template or object outside the file");
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | XMLStreamException e) {
            return Optional.of("relationships that cannot be read");
        }
    }

    private static boolean externalNonHyperlink(XMLInputFactory factory, byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT
                        && reader.getLocalName().equals("Relationship")) {
                    String mode = reader.getAttributeValue(null, "TargetMode");
                    String type = reader.getAttributeValue(null, "Type");
                    if (mode != null
                            && mode.equalsIgnoreCase("External")
                            && (type == null || !type.endsWith("/hyperlink"))) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            reader.close();
        }
    }
}
