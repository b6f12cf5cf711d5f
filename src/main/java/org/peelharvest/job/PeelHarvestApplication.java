package org.peelharvest.job;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The Spring Boot application behind the commands that run a job. Unless
 * {@code spring.datasource.url} names another, each output has its own job repository, an H2
 * file in its {@link StateFolder} ({@code .<output>.peel-harvest/job-repository/}): the output's lock, taken before this
 * starts, makes its run the only process that opens that file, so jobs of different outputs run
 * at once, each in its own embedded database, and no run ever waits on or serves another.
 */
@SpringBootApplication
public class PeelHarvestApplication {

    /** The folder of the default job repository, read by {@code application.yaml}. */
    static final String REPOSITORY_FOLDER = "peel.job-repository";

    /**
     * Starts the application for a run of {@code spec}, writing to {@code output}; {@code overrides}
     * win over every other setting, the logging ones included (they are in the environment before
     * Spring Boot sets logging up from it); {@code signals} stop its job.
     */
    static ConfigurableApplicationContext start(JobDefinition spec, Map<String, Object> overrides, CommandOutput output,
                                                SignalStop signals) {
        SpringApplication application = application(spec.output(), overrides, output);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("signalStop", signals));
        return application.run();
    }

    /**
     * Not a command: what the build's ahead-of-time processing runs (spring-boot-maven-plugin's
     * {@code process-aot}) to see the application's beans as a command makes them; the processing
     * stops the application before it opens anything. Run directly, it starts and closes the
     * application with the job repository of {@code ./output}.
     */
    public static void main(String[] args) {
        CommandOutput quiet = CommandOutput.of(System.out, System.err, true, false);
        try (ConfigurableApplicationContext ignored = application(Path.of("output"), Map.of(), quiet).run(args)) {
            // Nothing to run: the beans were what was wanted.
        }
    }

    /** Starts the application with the job repository of {@code output}'s runs. */
    public static ConfigurableApplicationContext start(Path output, Map<String, Object> overrides, CommandOutput commandOutput) {
        return application(output, overrides, commandOutput).run();
    }

    /**
     * The application, not yet run. It is closed by whoever started it, never by a JVM shutdown
     * hook: Spring Boot's closed the job repository's connections under a job still running when
     * SIGTERM came (issue 17, item 8); {@link SignalStop} stops the job first.
     */
    private static SpringApplication application(Path output, Map<String, Object> overrides, CommandOutput commandOutput) {
        SpringApplication application = new SpringApplication(PeelHarvestApplication.class);
        // The class whose ahead-of-time initializer is looked for (-Dspring.aot.enabled); else Spring guesses the CLI's.
        application.setMainApplicationClass(PeelHarvestApplication.class);
        application.setRegisterShutdownHook(false);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(REPOSITORY_FOLDER, repositoryFolder(output).toString()));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("peel-harvest-overrides", overrides));
        application.setEnvironment(environment);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("commandOutput", commandOutput));
        return application;
    }

    public static Path repositoryFolder(Path output) {
        return new StateFolder(output).repository();
    }
}
