package vn.giamngheo.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the system is once it is ready. */
@Component
public class StartupMessage {

	private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

	private final Environment environment;

	public StartupMessage(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void ready() {
		String port = this.environment.getProperty("local.server.port", "8080");
		log.info(
				"\n\n  giamngheo đã sẵn sàng / is ready:  http://localhost:{}/\n  API (OpenAPI): http://localhost:{}/api/docs\n",
				port, port);
	}

}
