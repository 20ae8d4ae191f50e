package org.itapipe.streams.rollup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.streams.JsonSerde;

/**
 * The format of {@link AreaUpdate} on the {@code area-updates} repartition topic: versioned binary, because every
 * submission sends two or three of them and as JSON their encoding and parsing were a twelfth of the service's CPU
 * (docs/benchmarks.md, session 11). A record that starts with '{' is an update written as JSON by an earlier build,
 * still on the topic after an upgrade, and is read as such, so this change needs no new {@code streams.application-id}.
 */
public final class AreaUpdateSerde extends Serdes.WrapperSerde<AreaUpdate> {

    static final byte VERSION = 1;
    private static final JsonSerde<AreaUpdate> EARLIER = new JsonSerde<>(AreaUpdate.class);

    public AreaUpdateSerde() {
        super((topic, update) -> update == null ? null : write(update),
                (topic, bytes) -> bytes == null ? null : bytes.length > 0 && bytes[0] == '{'
                        ? EARLIER.deserializer().deserialize(topic, bytes) : read(bytes));
    }

    static byte[] write(AreaUpdate update) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            Area area = update.area();
            out.writeUTF(area.level().name());
            out.writeInt(area.fiscalYear());
            out.writeUTF(area.code());
            out.writeUTF(area.orgType() == null ? "" : area.orgType().name());
            out.writeUTF(update.orgCode());
            writeMember(out, update.previous());
            writeMember(out, update.member());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void writeMember(DataOutputStream out, MemberSummary member) throws IOException {
        out.writeBoolean(member != null);
        if (member == null) {
            return;
        }
        out.writeLong(member.totalCents());
        out.writeUTF(member.level());
        out.writeBoolean(member.passing());
        out.writeInt(member.indicatorCents().size());
        for (Map.Entry<Integer, Long> indicator : member.indicatorCents().entrySet()) {
            out.writeInt(indicator.getKey());
            out.writeLong(indicator.getValue());
        }
        out.writeBoolean(member.oitAlert());
        out.writeBoolean(member.totalChangeCents() != null);
        if (member.totalChangeCents() != null) {
            out.writeLong(member.totalChangeCents());
        }
    }

    static AreaUpdate read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("an area update of format version " + version + ", this build "
                        + "reads " + VERSION + ": start with a new streams.application-id (docs/streams.md)");
            }
            AreaLevel level = AreaLevel.valueOf(in.readUTF());
            int fiscalYear = in.readInt();
            String code = in.readUTF();
            String type = in.readUTF();
            Area area = new Area(level, fiscalYear, code, type.isEmpty() ? null : OrganizationType.valueOf(type));
            AreaUpdate update = new AreaUpdate(area, in.readUTF(), readMember(in), readMember(in));
            if (in.available() > 0) {
                throw new SerializationException("an area update with " + in.available() + " bytes after the end");
            }
            return update;
        } catch (EOFException e) {
            throw new SerializationException("an area update cut short (" + bytes.length + " bytes)", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("not an area update: " + e.getMessage(), e);
        }
    }

    private static MemberSummary readMember(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long total = in.readLong();
        String level = in.readUTF();
        boolean passing = in.readBoolean();
        Map<Integer, Long> indicators = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            indicators.put(in.readInt(), in.readLong());
        }
        boolean oitAlert = in.readBoolean();
        Long change = in.readBoolean() ? in.readLong() : null;
        return new MemberSummary(total, level, passing, indicators, oitAlert, change);
    }
}
