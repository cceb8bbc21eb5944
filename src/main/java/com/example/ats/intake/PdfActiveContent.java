package com.example.ats.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * What in a PDF acts when it is opened: read object by object with PDFBox, so compressed object streams and
 * {@code #}-escaped names are seen as a viewer sees them. A file PDFBox cannot read, or that needs a password, cannot
 * be checked.
 */
final class PdfActiveContent {

    static final int MAX_OBJECTS = 100_000;

    /** Keys whose mere presence makes a PDF act or carry more than a document: what each is called for people. */
    private static final Map<String, String> PDF_ACTIVE_KEYS = Map.of(
            "JS", "JavaScript",
            "JavaScript", "JavaScript",
            "XFA", "a form with scripts (XFA)",
            "EmbeddedFiles", "an attached file",
            "EF", "an attached file",
            "RichMedia", "embedded media",
            "RichMediaContent", "embedded media");
    /** Action types that run code, open other files or programs, or send data. */
    private static final Map<String, String> PDF_ACTIVE_ACTIONS = Map.of(
            "JavaScript", "JavaScript",
            "Launch", "a launch action",
            "GoToR", "an action that opens another file",
            "GoToE", "an action that opens another file",
            "ImportData", "an action that opens another file",
            "SubmitForm", "an action that sends data",
            "RichMediaExecute", "embedded media",
            "Rendition", "embedded media");

    private PdfActiveContent() {}

    /** What was found, in words for the applicant, or empty. */
    static Optional<String> find(Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            COSDocument cos = pdf.getDocument();
            Optional<String> inTrailer = activeIn(cos.getTrailer());
            if (inTrailer.isPresent()) {
                return inTrailer;
            }
            if (cos.getXrefTable().size() > MAX_OBJECTS) {
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
                    if (PDF_ACTIVE_KEYS.containsKey(key.getName())) {
                        return Optional.of(PDF_ACTIVE_KEYS.get(key.getName()));
                    }
                }
                // getCOSName follows a reference: "/S 9 0 R" naming /Launch elsewhere is still a launch
                COSName action = dictionary.getCOSName(COSName.S);
                if (action != null && PDF_ACTIVE_ACTIONS.containsKey(action.getName())) {
                    return Optional.of(PDF_ACTIVE_ACTIONS.get(action.getName()));
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
}
