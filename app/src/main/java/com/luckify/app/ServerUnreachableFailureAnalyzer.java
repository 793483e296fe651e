package com.luckify.app;

import com.luckify.app.RequiredServers.ServerUnreachableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the unreachable server and the fix instead of a stack trace. */
class ServerUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ServerUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServerUnreachableException cause) {
        String message = cause.getMessage();
        int fix = message.indexOf(". ") + 2;
        return new FailureAnalysis(message.substring(0, fix - 1), message.substring(fix), cause);
    }
}
