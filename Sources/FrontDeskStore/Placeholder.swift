public enum FrontDeskStorePlaceholder {}
