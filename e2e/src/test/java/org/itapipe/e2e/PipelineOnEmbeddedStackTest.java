package org.itapipe.e2e;

import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end suite on the embedded stack (no Docker needed). */
@ExtendWith(EmbeddedStackExtension.class)
class PipelineOnEmbeddedStackTest extends PipelineEndToEndSuite {
}
