package org.itapipe.schemas.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.itapipe.schemas.avro.ScoreSubmission;

/**
 * What the revision rule needs of the current revision of an organization and year: its number and a digest of its
 * content (SHA-256 of the Avro encoding of everything but the envelope and the card). A follower of the latest
 * revisions keeps this, about a hundred bytes per organization-year, instead of the whole submission: ingest's
 * holds the whole country's.
 */
public record CurrentRevision(long revision, String contentDigest) {

    public static CurrentRevision of(ScoreSubmission submission) {
        return new CurrentRevision(submission.getRevision(), digest(submission));
    }

    boolean sameContentAs(ScoreSubmission incoming) {
        return contentDigest.equals(digest(incoming));
    }

    private static String digest(ScoreSubmission submission) {
        try {
            ByteBuffer content = RevisionVerdict.content(submission).toByteBuffer();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(content);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the content of " + submission.getSubmissionId(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
