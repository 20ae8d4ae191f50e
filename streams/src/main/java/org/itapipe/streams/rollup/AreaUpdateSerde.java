package org.itapipe.streams.rollup;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Map;
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
        Area area = update.area();
        String type = area.orgType() == null ? "" : area.orgType().name();
        ByteBuffer out = ByteBuffer.allocate(1 + BinaryFields.sizeOf(area.level().name()) + 4
                + BinaryFields.sizeOf(area.code()) + BinaryFields.sizeOf(type) + BinaryFields.sizeOf(update.orgCode())
                + sizeOf(update.previous()) + sizeOf(update.member()));
        out.put(VERSION);
        BinaryFields.putString(out, area.level().name());
        out.putInt(area.fiscalYear());
        BinaryFields.putString(out, area.code());
        BinaryFields.putString(out, type);
        BinaryFields.putString(out, update.orgCode());
        putMember(out, update.previous());
        putMember(out, update.member());
        return out.array();
    }

    private static int sizeOf(MemberSummary member) {
        return member == null ? 1 : 1 + 8 + BinaryFields.sizeOf(member.level()) + 1
                + BinaryFields.sizeOf(member.indicatorCents()) + 1 + 1 + 8;
    }

    /** A presence byte, then the member; its change of total is always 8 bytes, behind its own presence byte. */
    private static void putMember(ByteBuffer out, MemberSummary member) {
        out.put((byte) (member == null ? 0 : 1));
        if (member == null) {
            return;
        }
        out.putLong(member.totalCents());
        BinaryFields.putString(out, member.level());
        out.put((byte) (member.passing() ? 1 : 0));
        BinaryFields.putCents(out, member.indicatorCents());
        out.put((byte) (member.oitAlert() ? 1 : 0));
        out.put((byte) (member.totalChangeCents() == null ? 0 : 1));
        out.putLong(member.totalChangeCents() == null ? 0 : member.totalChangeCents());
    }

    static AreaUpdate read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("an area update of format version " + version + ", this build "
                        + "reads " + VERSION + ": start with a new streams.application-id (docs/streams.md)");
            }
            AreaLevel level = AreaLevel.valueOf(BinaryFields.getString(in));
            int fiscalYear = in.getInt();
            String code = BinaryFields.getString(in);
            String type = BinaryFields.getString(in);
            Area area = new Area(level, fiscalYear, code, type.isEmpty() ? null : OrganizationType.valueOf(type));
            AreaUpdate update = new AreaUpdate(area, BinaryFields.getString(in), getMember(in), getMember(in));
            if (in.hasRemaining()) {
                throw new SerializationException("an area update with " + in.remaining() + " bytes after the end");
            }
            return update;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new SerializationException("an area update cut short (" + bytes.length + " bytes)", e);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("not an area update: " + e.getMessage(), e);
        }
    }

    private static MemberSummary getMember(ByteBuffer in) {
        if (in.get() == 0) {
            return null;
        }
        long total = in.getLong();
        String level = BinaryFields.getString(in);
        boolean passing = in.get() != 0;
        Map<Integer, Long> indicators = BinaryFields.getCents(in);
        boolean oitAlert = in.get() != 0;
        boolean hasChange = in.get() != 0;
        long change = in.getLong();
        return new MemberSummary(total, level, passing, indicators, oitAlert, hasChange ? change : null);
    }
}
