package io.pledge.core.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Requests the container or Spring cannot even read: a client's fault (400), never a server error. */
final class MalformedRequests {

    private MalformedRequests() {}

    /** The status an unreadable request deserves, when {@code failure} (or a cause) says it is one; else 0. */
    static int statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException) {
                return 413;
            }
            if (cause instanceof MultipartException || cause instanceof InvalidParameterException) {
                return 400;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return 0;
    }

    /** Why a multipart body was refused, without echoing the body. */
    static String multipartMessage(MultipartException e) {
        String reason = String.valueOf(e.getMostSpecificCause().getMessage());
        if (reason.contains("boundary")) {
            return "multipart/form-data without a boundary, or a body that does not use it";
        }
        return "a multipart/form-data body that is truncated or malformed";
    }
}
