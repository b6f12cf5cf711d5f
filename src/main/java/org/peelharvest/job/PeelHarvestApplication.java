package org.peelharvest.job;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind the commands that run a job. */
@SpringBootApplication
class PeelHarvestApplication {
}
