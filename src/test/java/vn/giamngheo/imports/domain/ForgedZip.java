package vn.giamngheo.imports.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip archive written by hand, so that a test can make it lie: each entry's content is
 * deflated for real, but the sizes its local header and the central directory declare are
 * the test's choice, and its compressed data may be followed by padding counted in the
 * declared compressed size.
 */
public final class ForgedZip {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final List<byte[]> central = new ArrayList<>();

	/** An entry with honest sizes. */
	public ForgedZip entry(String name, byte[] content) {
		return entry(name, content, 1, -1, 0);
	}

	/**
	 * An entry of {@code repeat} copies of {@code chunk}.
	 * @param declaredSize the uncompressed size both headers declare; -1 for the true
	 * size
	 * @param padding bytes after the compressed data, counted in the declared compressed
	 * size
	 */
	public ForgedZip entry(String name, byte[] chunk, int repeat, long declaredSize, int padding) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		CRC32 crc = new CRC32();
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		byte[] buffer = new byte[1 << 16];
		for (int i = 0; i < repeat; i++) {
			crc.update(chunk);
			deflater.setInput(chunk);
			while (!deflater.needsInput()) {
				packed.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			packed.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		long size = (declaredSize < 0) ? (long) chunk.length * repeat : declaredSize;
		long compressed = packed.size() + padding;
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		int offset = this.out.size();
		ByteBuffer local = header(30 + nameBytes.length);
		local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8).putInt(0);
		local.putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) size);
		local.putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
		this.out.writeBytes(local.array());
		this.out.writeBytes(packed.toByteArray());
		this.out.writeBytes(new byte[padding]);
		ByteBuffer dir = header(46 + nameBytes.length);
		dir.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800);
		dir.putShort((short) 8).putInt(0).putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) size);
		dir.putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0).putShort((short) 0);
		dir.putShort((short) 0).putInt(0).putInt(offset).put(nameBytes);
		this.central.add(dir.array());
		return this;
	}

	public byte[] bytes() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(this.out.toByteArray());
		int start = all.size();
		this.central.forEach(all::writeBytes);
		int length = all.size() - start;
		ByteBuffer end = header(22);
		end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) this.central.size());
		end.putShort((short) this.central.size()).putInt(length).putInt(start).putShort((short) 0);
		all.writeBytes(end.array());
		return all.toByteArray();
	}

	private static ByteBuffer header(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

}
