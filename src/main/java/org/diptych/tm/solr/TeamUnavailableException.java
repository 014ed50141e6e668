package org.diptych.tm.solr;

import org.diptych.DiptychException;

/** The team TM's server could not be reached or failed (connection refused, timeout, HTTP 5xx): try later. */
public final class TeamUnavailableException extends DiptychException {
    public TeamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
