package io.pledge.core.web;

import io.pledge.core.ConflictException;
import io.pledge.core.ForbiddenException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails for a reason the API answers with a status of its own (no such tier: 404, a role that
 * may not: 403, a conflict: 409) sends that status to the error page, which shows a browser an HTML page
 * in the shell ({@link ProblemErrorController}), before {@link ProblemDetailsAdvice} would turn it into a
 * problem document. Anything else a page throws reaches the error page as a 500 without passing here. The
 * API's answers, and any request that accepts JSON, are left to the advice ({@link Browsers#wantsPage}).
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        int status = statusOf(failure);
        if (status == 0 || response.isCommitted() || !Browsers.wantsPage(request, Browsers.path(request))) {
            return null;
        }
        try {
            response.sendError(status);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** The status the API gives the failure, or 0 when it is not a refusal of the request. */
    static int statusOf(Exception failure) {
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        if (failure instanceof InvalidRequestException || failure instanceof TypeMismatchException) {
            return 400;
        }
        if (failure instanceof UnprocessableException) {
            return 422;
        }
        if (failure instanceof ConflictException || failure instanceof DataIntegrityViolationException) {
            return 409;
        }
        if (failure instanceof ErrorResponse answer) {
            return answer.getStatusCode().value();
        }
        return 0;
    }

    /** Before the advice's resolver, after the one that records the failure for the error page. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
