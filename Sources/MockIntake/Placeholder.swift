public enum MockIntakePlaceholder {}
