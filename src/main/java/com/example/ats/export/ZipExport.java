package com.example.ats.export;

import com.example.ats.document.ContentDisposition;
import com.example.ats.document.DocumentRepository;
import com.example.ats.document.DocumentView;
import com.example.ats.document.ScanGate;
import com.example.ats.document.ScanState;
import com.example.ats.document.VerifiedCopy;
import com.example.ats.encryption.StoredFiles;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Data portability: one ZIP with {@code application.json} (everything we hold, machine-readable), the original
 * files under {@code documents/}, and a {@code README.txt}. Written straight to the response, one entry after the
 * other, each file streamed from the store and checked against its SHA-256: never built in memory.
 */
@ApplicationScoped
public class ZipExport {

    /** The archive's guide, in Dutch (the company's language) and English, like every text an applicant reads. */
    static final String README = """
            Je sollicitatiegegevens
            =======================

            application.json  alles wat we over je sollicitatie bewaren, als JSON (UTF-8): id, vacancyId,
                              appliedAt, status, applicant (je gegevens zoals je ze gaf), documents
                              (bestandsnaam, mediatype, grootte en SHA-256 van elk bestand), consentHistory
                              (elke toestemming die je gaf, weigerde of introk, wanneer en hoe, met de versie
                              van de toestemmingstekst, en de toestemming van je ouder of voogd als je jonger
                              was dan 16), expiresAt (wanneer we alles verwijderen) en whatHappens (hetzelfde
                              in woorden).
            documents/        je bestanden, byte voor byte zoals je ze stuurde; met de SHA-256 in
                              application.json kun je dat controleren. Een bestand waarin onze virusscanner
                              later malware vond (scan.state INFECTED) staat wel in application.json, maar
                              niet in deze map; een bestand dat nog niet gecontroleerd is (PENDING) alleen als
                              je het archief zelf downloadt of de privacyfunctionaris het bewust meestuurt.

            Tijden staan in UTC (ISO-8601). Je mag dit archief aan een andere werkgever of dienst geven.


            Your application data
            =====================

            application.json  everything we hold about your application, as JSON (UTF-8): id, vacancyId,
                              appliedAt, status, applicant (your details as you gave them), documents
                              (file name, media type, size and SHA-256 of each file), consentHistory
                              (every consent you gave, refused or withdrew, when and how, with the consent
                              text's version, and your guardian's consent if you were younger than 16),
                              expiresAt (when we delete everything) and whatHappens (the same in words).
            documents/        your files, byte for byte as you sent them; each file's SHA-256 in
                              application.json lets you check that. A file in which our virus scanner later
                              found malware (scan.state INFECTED) is listed in application.json but not
                              included here; a file not scanned yet (PENDING) only when you download the
                              archive yourself or the privacy officer includes it on purpose.

            Times are UTC (ISO-8601). You may give this archive to another employer or service.
            """;

    private final StoredFiles files;
    private final ObjectMapper json;
    private final DocumentRepository documents;

    ZipExport(StoredFiles files, ObjectMapper json, DocumentRepository documents) {
        this.documents = documents;
        this.files = files;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * The 200 answer with the archive of {@code view}, named after the application, with the files {@code gate}
     * lets out; an INFECTED file never (ADR 0015).
     */
    public Response answer(ApplicantDataView view, ScanGate gate) {
        // the keys before the answer: a file that cannot be read fails the export before a byte of it is sent
        Map<UUID, StoredFiles.Readable> stored = QuarkusTransaction.requiringNew()
                .call(() -> documents.forApplication(view.id()).stream()
                        .collect(Collectors.toMap(d -> d.id, d -> files.prepare(d.stored()))));
        return Response.ok(zip(view, stored, gate), "application/zip")
                .header("Content-Disposition", ContentDisposition.attachment("application-" + view.id() + ".zip"))
                .build();
    }

    /** The archive of {@code view}; {@code stored} maps each document id to where its bytes are. */
    public StreamingOutput zip(ApplicantDataView view, Map<UUID, StoredFiles.Readable> stored, ScanGate gate) {
        return out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write(README.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("application.json"));
                json.writerWithDefaultPrettyPrinter().writeValue(zip, view);
                zip.closeEntry();
                Set<String> names = new HashSet<>();
                for (DocumentView document : view.documents()) {
                    if (document.scan().state() == ScanState.INFECTED
                            || !gate.allows(document.scan().state())) {
                        continue; // INFECTED: never handed out, not even to its sender (ADR 0015)
                    }
                    zip.putNextEntry(new ZipEntry("documents/" + unique(names, document)));
                    try (InputStream content = files.open(stored.get(document.id()))) {
                        VerifiedCopy.copy(content, zip, document.size(), document.sha256());
                    }
                    zip.closeEntry();
                }
            }
        };
    }

    /** The stored (already sanitised) name, prefixed by the kind so a CV and a letter of the same name both fit. */
    private static String unique(Set<String> taken, DocumentView document) {
        String name = document.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + document.fileName();
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = i + "-" + name;
        }
        return candidate;
    }
}
