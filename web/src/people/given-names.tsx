import { Text } from "@mantine/core";
import { givenNameSegments } from "./given-name-segments";

/** All given names, the ones the person goes by in bold and underlined, as Swedish forms mark them. */
export function GivenNames({ givenNames, preferredParts }: { givenNames: string; preferredParts: number[] | null }) {
  return (
    <span data-testid="given-names">
      {givenNameSegments(givenNames, preferredParts).map((segment, index) =>
        segment.preferred ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one name never move
          <Text key={index} span fw={700} td="underline" style={{ textUnderlineOffset: 3 }}>
            {segment.text}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one name never move
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
