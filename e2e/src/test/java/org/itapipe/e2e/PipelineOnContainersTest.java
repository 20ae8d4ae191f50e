package org.itapipe.e2e;

import org.itapipe.devstack.junit.ContainerStackExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end suite on Testcontainers; skipped, saying why, where no Docker engine runs. */
@ExtendWith(ContainerStackExtension.class)
class PipelineOnContainersTest extends PipelineEndToEndSuite {
}
