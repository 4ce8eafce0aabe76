package vn.giamngheo.identity;

import org.junit.jupiter.api.Test;

import vn.giamngheo.identity.persistence.UserRepository;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DemoUsersTest {

	UserDirectory directory = mock(UserDirectory.class);

	UserRepository users = mock(UserRepository.class);

	Rescoping rescoping = mock(Rescoping.class);

	@Test
	void productionRefusesDemoUsers() {
		DemoUsers demo = new DemoUsers(this.directory, this.users, this.rescoping, true, true, "admin",
				"a-strong-password-1");
		assertThatThrownBy(() -> demo.afterSingletonsInstantiated()).hasMessageContaining("demo");
		verify(this.directory, never()).createUnchecked(any(), anyBoolean(), anyString());
	}

	@Test
	void productionRefusesTheDefaultAdminPassword() {
		DemoUsers demo = new DemoUsers(this.directory, this.users, this.rescoping, false, true, "admin",
				DemoUsers.DEFAULT_ADMIN_PASSWORD);
		assertThatThrownBy(() -> demo.afterSingletonsInstantiated())
			.hasMessageContaining("default administrator password");
		verify(this.directory, never()).createUnchecked(any(), anyBoolean(), anyString());
	}

	@Test
	void productionWithAConfiguredPasswordCreatesOnlyTheAdmin() {
		DemoUsers demo = new DemoUsers(this.directory, this.users, this.rescoping, false, true, "admin",
				"a-strong-password-1");
		assertThatCode(() -> demo.afterSingletonsInstantiated()).doesNotThrowAnyException();
		verify(this.directory).createUnchecked(any(), anyBoolean(), anyString());
	}

	@Test
	void demoStartCreatesOneUserPerDemoEntryOnce() {
		when(this.users.exists("admin")).thenReturn(true);
		DemoUsers demo = new DemoUsers(this.directory, this.users, this.rescoping, true, false, "admin",
				DemoUsers.DEFAULT_ADMIN_PASSWORD);
		demo.afterSingletonsInstantiated();
		verify(this.directory, org.mockito.Mockito.times(DemoUsers.DEMO.size())).createUnchecked(any(), anyBoolean(),
				anyString());
		when(this.users.exists(DemoUsers.DEMO.get(0).username())).thenReturn(true);
		demo.afterSingletonsInstantiated();
		verify(this.directory, org.mockito.Mockito.times(DemoUsers.DEMO.size())).createUnchecked(any(), anyBoolean(),
				anyString());
	}

}
