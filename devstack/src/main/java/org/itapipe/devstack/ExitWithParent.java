package org.itapipe.devstack;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of every child JVM the stack starts: runs the real main class given as the first argument, and exits
 * as soon as standard input reaches end-of-file. The parent holds the write end of that pipe, and the kernel closes
 * it however the parent ends (normal exit, failed test, SIGTERM, even SIGKILL), so no child outlives its stack.
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ExitWithParent <main class> [args...]");
        }
        Thread watcher = new Thread(ExitWithParent::exitAtEndOfInput, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // The parent never writes; any byte is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone as well.
        }
        System.exit(0);
    }
}
