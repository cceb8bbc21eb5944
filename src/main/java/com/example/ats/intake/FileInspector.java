package com.example.ats.intake;

import com.example.ats.document.DocumentFormat;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tells the format of an uploaded file from its bytes alone: never from the file name or the declared type. Tika's
 * magic finds the family (PDF, RTF, plain text, ZIP or OLE2 container); the container is then opened to tell a
 * Word document from anything else packed the same way, and documents with macros are refused.
 */
@ApplicationScoped
public class FileInspector {

    private static final Set<String> ZIP_FAMILY = Set.of(
            "application/zip",
            "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text");
    private static final int SMALL_ENTRY_LIMIT = 64 * 1024;

    private final Detector detector = new DefaultDetector();

    /** The format of the file, or a 415 problem naming the part when it is not one we accept. */
    public DocumentFormat inspect(String part, Path file) {
        MediaType detected = detect(file);
        String type = detected.getBaseType().toString();
        DocumentFormat format = switch (type) {
            case "application/pdf" -> DocumentFormat.PDF;
            case "application/rtf" -> DocumentFormat.RTF;
            case "text/plain" -> DocumentFormat.TXT;
            case "application/x-tika-msoffice", "application/msword" -> inspectOle2(file);
            default -> ZIP_FAMILY.contains(type) ? inspectZip(file) : null;
        };
        if (format == null) {
            throw unsupported(part);
        }
        return format;
    }

    private MediaType detect(Path file) {
        try (InputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, new Metadata());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an uploaded file", e);
        }
    }

    private static DocumentFormat inspectZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null
                    && "application/vnd.oasis.opendocument.text"
                            .equals(read(zip, mimetype).trim())) {
                boolean macros = zip.stream()
                        .anyMatch(e ->
                                e.getName().startsWith("Basic/") || e.getName().startsWith("Scripts/"));
                return macros ? null : DocumentFormat.ODT;
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes != null && zip.getEntry("word/document.xml") != null) {
                boolean macros = zip.getEntry("word/vbaProject.bin") != null
                        || read(zip, contentTypes).contains("macroEnabled");
                return macros ? null : DocumentFormat.DOCX;
            }
            return null;
        } catch (IOException e) {
            return null; // a broken archive is not a document
        }
    }

    private static DocumentFormat inspectOle2(Path file) {
        try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = ole.getRoot();
            boolean macros = root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR");
            return root.hasEntry("WordDocument") && !macros ? DocumentFormat.DOC : null;
        } catch (IOException | RuntimeException e) {
            return null; // POI signals a damaged container with runtime exceptions too
        }
    }

    /** Reads a small metadata entry; a huge one is not what a real document has. */
    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(SMALL_ENTRY_LIMIT);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ApiException unsupported(String part) {
        return new ApiException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The file in part '" + part + "' is not an accepted document (PDF, DOCX, DOC, ODT, RTF or TXT"
                        + " without macros)",
                List.of(new Problem.FieldError(part, "unsupported file format")));
    }
}
