package org.diptych.align;

/**
 * A bead by index ranges: source units [sourceStart, sourceEnd) against target units
 * [targetStart, targetEnd); one range may be empty (a paragraph without counterpart).
 *
 * @param confidence probability that the bead is right, in [0, 1]
 */
public record AlignedBead(int sourceStart, int sourceEnd, int targetStart, int targetEnd, double confidence) {
    public AlignedBead {
        if (sourceStart < 0 || sourceEnd < sourceStart || targetStart < 0 || targetEnd < targetStart
                || (sourceEnd == sourceStart && targetEnd == targetStart)) {
            throw new IllegalArgumentException("bad bead [" + sourceStart + "," + sourceEnd + ")x["
                    + targetStart + "," + targetEnd + ")");
        }
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence " + confidence);
    }

    public int sourceSize() {
        return sourceEnd - sourceStart;
    }

    public int targetSize() {
        return targetEnd - targetStart;
    }

    /** "1:1", "2:1", "0:1" … */
    public String type() {
        return sourceSize() + ":" + targetSize();
    }
}
