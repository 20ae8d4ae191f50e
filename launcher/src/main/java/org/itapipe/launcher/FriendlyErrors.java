package org.itapipe.launcher;

import org.itapipe.config.ConfigException;
import org.itapipe.devstack.PrerequisiteMissing;
import org.itapipe.devstack.StackStartFailed;
import org.itapipe.ingest.publish.PublishUnavailableException;
import org.itapipe.reports.pdf.PdfUnavailableException;
import org.itapipe.schemas.registry.RegistryException;
import org.itapipe.sink.schema.MigrationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Errors a user can act on (a missing prerequisite, a bad setting, a server that did not start) are printed as one
 * clear message with exit code 2; anything else is a bug and keeps its stack trace.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) throws Exception {
        if (e instanceof PrerequisiteMissing || e instanceof ConfigException || e instanceof StackStartFailed
                || e instanceof PublishUnavailableException || e instanceof MigrationException
                || e instanceof RegistryException || e instanceof IllegalArgumentException
                || e instanceof PdfUnavailableException || e instanceof java.sql.SQLException
                || e instanceof java.io.IOException) {
            command.getErr().println("itapipe: " + e.getMessage());
            return USER_ERROR;
        }
        throw e;
    }
}
