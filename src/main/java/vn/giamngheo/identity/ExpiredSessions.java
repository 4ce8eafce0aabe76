package vn.giamngheo.identity;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import vn.giamngheo.shared.db.OneRunner;

/**
 * Deletes expired sessions from PostgreSQL every minute, on one node at a time (ADR
 * 0052): Spring Session's own clean-up, which would run on every node, is switched off
 * ({@code spring.session.jdbc.cleanup-cron: "-"}). An expired session is refused on every
 * node whether or not its row is deleted yet.
 */
@Component
class ExpiredSessions {

	static final String JOB = "sessions.cleanup";

	private final JdbcIndexedSessionRepository sessions;

	private final OneRunner jobs;

	ExpiredSessions(JdbcIndexedSessionRepository sessions, OneRunner jobs) {
		this.sessions = sessions;
		this.jobs = jobs;
	}

	@Scheduled(cron = "${giamngheo.sessions.cleanup-cron:0 * * * * *}")
	void cleanUp() {
		this.jobs.runAlone(JOB, this.sessions::cleanUpExpiredSessions);
	}

}
