package org.itapipe.streams.rollup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.streams.BinaryFields;

/**
 * The format of a submission's {@link AreaUpdate}s to the areas of one province on the {@code province-updates}
 * repartition topic: versioned binary (a count, then each update), because every submission sends one and as JSON
 * the updates' encoding and parsing were a twelfth of the service's CPU (docs/benchmarks.md, session 11).
 */
public final class AreaUpdatesSerde extends Serdes.WrapperSerde<List<AreaUpdate>> {

    static final byte VERSION = 1;

    public AreaUpdatesSerde() {
        super((topic, updates) -> updates == null ? null : write(updates),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(List<AreaUpdate> updates) {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + updates.stream().mapToInt(AreaUpdatesSerde::sizeOf).sum());
        out.put(VERSION);
        out.putInt(updates.size());
        updates.forEach(update -> put(out, update));
        return out.array();
    }

    private static int sizeOf(AreaUpdate update) {
        Area area = update.area();
        return BinaryFields.sizeOf(area.level().name()) + 4 + BinaryFields.sizeOf(area.code())
                + BinaryFields.sizeOf(typeName(area)) + BinaryFields.sizeOf(update.orgCode())
                + sizeOf(update.previous()) + sizeOf(update.member());
    }

    private static String typeName(Area area) {
        return area.orgType() == null ? "" : area.orgType().name();
    }

    private static void put(ByteBuffer out, AreaUpdate update) {
        Area area = update.area();
        BinaryFields.putString(out, area.level().name());
        out.putInt(area.fiscalYear());
        BinaryFields.putString(out, area.code());
        BinaryFields.putString(out, typeName(area));
        BinaryFields.putString(out, update.orgCode());
        putMember(out, update.previous());
        putMember(out, update.member());
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

    static List<AreaUpdate> read(byte[] bytes) {
        return BinaryFields.readWhole(bytes, "area updates", in -> {
            BinaryFields.readVersion(in, VERSION, "area updates");
            int count = in.getInt();
            List<AreaUpdate> updates = new ArrayList<>(Math.min(count, in.remaining()));
            for (int i = 0; i < count; i++) {
                updates.add(get(in));
            }
            return updates;
        });
    }

    private static AreaUpdate get(ByteBuffer in) {
        AreaLevel level = AreaLevel.valueOf(BinaryFields.getString(in));
        int fiscalYear = in.getInt();
        String code = BinaryFields.getString(in);
        String type = BinaryFields.getString(in);
        Area area = new Area(level, fiscalYear, code, type.isEmpty() ? null : OrganizationType.valueOf(type));
        return new AreaUpdate(area, BinaryFields.getString(in), getMember(in), getMember(in));
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
