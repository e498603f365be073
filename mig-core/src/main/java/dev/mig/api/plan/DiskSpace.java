package dev.mig.api.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mig.api.text.Format;

/**
 * Room for the new database, before the copy starts. The estimate is the old database's used size (its
 * pages less the free ones): the copy holds the same rows and indexes, repacked. The new file is usually
 * on the old one's file system, where the application writes too, and the capture log grows in the old
 * file meanwhile: a disk filled by the copy stops the copy (exit 3, resumable) and fails the
 * application's writes as well. This is why plan shows it; it never blocks, being an estimate.
 *
 * @param neededBytes about what the new database will take
 * @param usableBytes what the target directory's file system has free for this process
 */
public record DiskSpace(long neededBytes, long usableBytes) {

    /** Less room than the copy needs (in JSON too, beside the two numbers). */
    @JsonProperty("tight")
    public boolean tight() {
        return usableBytes < neededBytes;
    }

    /** For the plan's header: needed and free. */
    public String describe() {
        return "about " + size(neededBytes) + " needed, " + size(usableBytes) + " free on the new database's file system";
    }

    /** What a tight disk risks, and what to do: plan's advice, before anything is copied. */
    public String warning() {
        return shortage() + " Free space (or move the project) before 'mig migrate'";
    }

    /**
     * The same risk, said by migrate as it starts a copy anyway (the figure is an estimate); an
     * {@code offline} copy records no writes and resumes only as it started.
     */
    public String copyingAnyway(boolean offline) {
        return shortage() + " Copying anyway, as this is an estimate: watch the free space. If the disk fills, the "
                + "copy stops (exit 3) and the application's data in the old database is untouched"
                + (offline ? "" : ", while its capture goes on recording writes") + "; free space and run 'mig migrate"
                + (offline ? " --offline" : "") + "' again to resume, or 'mig reset' to undo.";
    }

    private String shortage() {
        return "the copy needs about " + size(neededBytes) + " and the file system has " + size(usableBytes)
                + " free: the copy may fill the disk, and then the application's writes to a database on the same "
                + "file system fail too.";
    }

    private static String size(long bytes) {
        return Format.size(bytes);
    }
}
