package org.diptych;

/**
 * A failure the user can act on: bad input, a damaged or locked project, a file that cannot be read.
 * The message is one line that names the file (when there is one) and the reason; the CLI and the GUI
 * show it as is, without a stack trace.
 */
public class DiptychException extends RuntimeException {
    public DiptychException(String message) {
        super(message);
    }

    public DiptychException(String message, Throwable cause) {
        super(message, cause);
    }
}
