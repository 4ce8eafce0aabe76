package vn.giamngheo.shared.scope;

/**
 * Who is acting in the current request. Implemented by the identity capability; other
 * capabilities depend on this interface, not on identity.
 */
public interface ActorSource {

	Actor current();

}
