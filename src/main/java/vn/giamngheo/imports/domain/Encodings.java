package vn.giamngheo.imports.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which encoding a text file was saved in. UTF-8 (with or without BOM) is tried first
 * line by line; lines that are not UTF-8 are Windows-1258 (Vietnamese, tone marks as
 * combining bytes) when they use its Vietnamese letters or tone marks, else Windows-1252.
 */
public final class Encodings {

	public static final Charset CP1258 = Charset.forName("windows-1258");

	public static final Charset CP1252 = Charset.forName("windows-1252");

	private Encodings() {
	}

	/** Whether the bytes are valid UTF-8. */
	public static boolean utf8(byte[] b, int off, int len) {
		CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			d.decode(ByteBuffer.wrap(b, off, len));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	public static boolean ascii(byte[] b, int off, int len) {
		for (int i = off; i < off + len; i++) {
			if (b[i] < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The legacy charset of non-UTF-8 bytes: Windows-1258 when they contain its
	 * Vietnamese-only bytes (combining tone marks, Đ/đ, Ơ/ơ, Ư/ư, Ă/ă), else
	 * Windows-1252.
	 */
	public static Charset legacy(byte[] b, int off, int len) {
		int vietnamese = 0;
		for (int i = off; i < off + len; i++) {
			int v = b[i] & 0xff;
			if (v == 0xCC || v == 0xEC || v == 0xD2 || v == 0xDE || v == 0xF2 || v == 0xD0 || v == 0xF0 || v == 0xD5
					|| v == 0xF5 || v == 0xDD || v == 0xFD || v == 0xC3 || v == 0xE3) {
				vietnamese++;
			}
		}
		return (vietnamese > 0) ? CP1258 : CP1252;
	}

}
